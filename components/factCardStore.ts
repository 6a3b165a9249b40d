// Which fact card is open on this page (at most one).
import { create } from 'zustand';
import type { DatasetIndex, Pill } from '@/utils/badges/pills';
import type { Mention } from '@/utils/detect/types';
import type { PostSnapshot, SiteId } from '@/utils/sites/types';

export interface OpenCard {
  pill: Pill;
  post: PostSnapshot;
  site: SiteId;
  /** Every mention in the post, for saving it with all its models. */
  allMentions: Mention[];
  index: DatasetIndex;
  theme: 'light' | 'dark';
  anchor: { top: number; bottom: number; left: number };
  returnFocus: HTMLElement | null;
}

interface FactCardState {
  open: OpenCard | null;
  show(card: OpenCard): void;
  close(): void;
}

export const useFactCard = create<FactCardState>()((set, get) => ({
  open: null,
  show: (card) => set({ open: card }),
  close: () => {
    const focus = get().open?.returnFocus;
    set({ open: null });
    if (focus?.isConnected) focus.focus();
  },
}));
