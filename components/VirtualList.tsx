// Fixed-row-height windowing: only the rows in (and just around) the visible window are in the
// DOM, so a list of 10,000 saved posts scrolls as smoothly as one of ten. The spacer keeps the
// scrollbar true to the whole list; each row is positioned absolutely at index × rowHeight.
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  /** Height of the scrolling viewport in px (the list is shorter when it has fewer rows). */
  height: number;
  /** Rows rendered beyond each edge of the window, so fast scrolling shows no gaps. */
  overscan?: number;
  /** Changing it scrolls back to the top (a new filter or sort). */
  resetKey?: string;
  label: string;
  testId?: string;
  renderRow(index: number, style: CSSProperties): ReactNode;
}

export function visibleRange(
  scrollTop: number,
  height: number,
  rowHeight: number,
  count: number,
  overscan: number,
): [number, number] {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + height) / rowHeight);
  return [Math.max(0, first - overscan), Math.min(count, last + overscan)];
}

export function VirtualList(props: VirtualListProps) {
  const { count, rowHeight, height, overscan = 6, resetKey } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);

  useEffect(() => {
    // Setting scrollTop fires a scroll event, which updates the window.
    if (viewport.current) viewport.current.scrollTop = 0;
  }, [resetKey]);

  const [start, end] = visibleRange(scrollTop, height, rowHeight, count, overscan);
  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    rows.push(
      props.renderRow(i, {
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: rowHeight,
        transform: `translateY(${i * rowHeight}px)`,
      }),
    );
  }
  return (
    <div
      ref={viewport}
      className="vlist"
      role="list"
      aria-label={props.label}
      data-testid={props.testId}
      tabIndex={0}
      style={{
        height: Math.min(height, count * rowHeight),
        overflowY: 'auto',
        position: 'relative',
      }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div style={{ height: count * rowHeight, position: 'relative' }}>{rows}</div>
    </div>
  );
}
