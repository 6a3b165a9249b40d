// An accessible on/off switch: a real checkbox with role="switch", so keyboards and screen readers get it for free.
export function Switch(props: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  testId: string;
}) {
  return (
    <label className="switch">
      <span>{props.label}</span>
      <input
        type="checkbox"
        role="switch"
        data-testid={props.testId}
        checked={props.checked}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <span className="track" aria-hidden="true" />
    </label>
  );
}
