// One saved post in the manager's list: a fixed-height row (the list is virtualised) with its
// checkbox, who and where, the models, a line of text, the note and tags, and its actions.
import { memo, type CSSProperties } from 'react';
import type { SavedModel, SavedPost } from '@/utils/saved/types';
import { t, uiLanguage } from './i18n';
import { siteName } from './siteNames';

export interface SavedPostRowProps {
  post: SavedPost;
  index: number;
  setSize: number;
  style: CSSProperties;
  selected: boolean;
  busy: boolean;
  familyNames: Record<string, string>;
  onToggle(key: string): void;
  onEdit(key: string): void;
  onUnsave(key: string): void;
}

let dateFormat: Intl.DateTimeFormat | null = null;
export function formatDate(iso: string): string {
  dateFormat ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : dateFormat.format(ms);
}

export function modelName(m: SavedModel, familyNames: Record<string, string>): string {
  const name = familyNames[m.family] ?? m.family;
  return m.version && !name.includes(m.version) ? `${name} ${m.version}` : name;
}

/**
 * Display names of a post's models, once each; a family named without a version ("Veo") is left
 * out when the post also names a version of it ("Veo 3").
 */
export function modelNames(models: SavedModel[], familyNames: Record<string, string>): string[] {
  const versioned = new Set(models.filter((m) => m.version).map((m) => m.family));
  return [
    ...new Set(
      models
        .filter((m) => m.version || !versioned.has(m.family))
        .map((m) => modelName(m, familyNames)),
    ),
  ];
}

export const SavedPostRow = memo(function SavedPostRow(props: SavedPostRowProps) {
  const { post, selected, busy } = props;
  const author = post.author ?? t('savedUnknownAuthor');
  const models = modelNames(post.models, props.familyNames);
  const extra = [post.note, post.tags.map((tag) => `#${tag}`).join(' ')]
    .filter(Boolean)
    .join(' · ');
  return (
    <div
      role="listitem"
      aria-setsize={props.setSize}
      aria-posinset={props.index + 1}
      className={selected ? 'saved-row selected' : 'saved-row'}
      style={props.style}
      data-testid="saved-row"
      data-key={post.key}
    >
      <input
        type="checkbox"
        className="saved-check"
        checked={selected}
        onChange={() => props.onToggle(post.key)}
        aria-label={t('savedSelectPost', author)}
      />
      <div className="saved-main">
        <p className="saved-head">
          <span className="saved-author" data-testid="saved-author">
            {author}
          </span>
          <span className="muted">
            {siteName(post.site)} · <time dateTime={post.savedAt}>{formatDate(post.savedAt)}</time>
          </span>
          <span className="saved-models" data-testid="saved-models">
            {models.length ? (
              models.map((m) => (
                <span key={m} className="chip">
                  {m}
                </span>
              ))
            ) : (
              <span className="muted">{t('savedNoModels')}</span>
            )}
          </span>
        </p>
        <p className="saved-text" title={post.text} data-testid="saved-text">
          {post.text}
        </p>
        <p className="saved-extra muted" data-testid="saved-extra">
          {extra}
        </p>
      </div>
      <div className="saved-actions">
        {post.url ? (
          <a href={post.url} target="_blank" rel="noopener noreferrer">
            {t('savedOpenPost')}
          </a>
        ) : null}
        <button
          type="button"
          data-testid="saved-edit"
          aria-label={t('savedEditLabel', author)}
          onClick={() => props.onEdit(post.key)}
        >
          {t('savedEdit')}
        </button>
        <button
          type="button"
          data-testid="saved-unsave"
          aria-label={t('savedUnsaveLabel', author)}
          disabled={busy}
          onClick={() => props.onUnsave(post.key)}
        >
          {t('savedUnsave')}
        </button>
      </div>
    </div>
  );
});
