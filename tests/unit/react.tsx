// Helpers for the component tests (happy-dom): render into a fresh container, click, and set the
// value of inputs and selects the way React notices.
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export async function render(ui: ReactNode): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  await act(async () => createRoot(container).render(ui));
  return container;
}

/** Lets pending promises (mocked messages, storage) settle inside act(). */
export const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

export const click = async (el: Element | null | undefined) => {
  if (!el) throw new Error('nothing to click');
  await act(async () => (el as HTMLElement).click());
  await settle();
};

export async function setValue(el: Element | null, value: string): Promise<void> {
  if (!el) throw new Error('no such field');
  const proto =
    el instanceof HTMLSelectElement
      ? HTMLSelectElement.prototype
      : el instanceof HTMLTextAreaElement
        ? HTMLTextAreaElement.prototype
        : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    const type = el instanceof HTMLSelectElement ? 'change' : 'input';
    el.dispatchEvent(new Event(type, { bubbles: true }));
  });
  await settle();
}

export const byTestId = (root: ParentNode, id: string) =>
  root.querySelector(`[data-testid="${id}"]`);
export const allByTestId = (root: ParentNode, id: string) =>
  Array.from(root.querySelectorAll(`[data-testid="${id}"]`));
