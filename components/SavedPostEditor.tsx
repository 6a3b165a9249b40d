// Edits one saved post's note and tags (shown above the list, so rows keep their fixed height).
import { useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import type { SavedPost } from '@/utils/saved/types';
import { errorText, t } from './i18n';

export const parseTags = (value: string): string[] =>
  value
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

export function SavedPostEditor(props: {
  post: SavedPost;
  onSaved(post: SavedPost): void;
  onClose(): void;
}) {
  const { post } = props;
  const [note, setNote] = useState(post.note);
  const [tags, setTags] = useState(post.tags.join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    setBusy(true);
    setError(null);
    sendMessage('updateSavedPost', { key: post.key, note, tags: parseTags(tags) })
      .then((result) =>
        result.ok ? props.onSaved(result.post) : setError(errorText(result.error)),
      )
      .catch(() => setError(errorText(undefined)))
      .finally(() => setBusy(false));
  };

  return (
    <form
      className="saved-editor"
      data-testid="saved-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3>{t('savedEditing', post.author ?? t('savedUnknownAuthor'))}</h3>
      <p className="saved-text muted">{post.text}</p>
      <label>
        <span>{t('savedNote')}</span>
        <textarea
          data-testid="saved-note"
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <label>
        <span>{t('savedTags')}</span>
        <input
          type="text"
          data-testid="saved-tags"
          value={tags}
          onChange={(e) => setTags(e.currentTarget.value)}
        />
      </label>
      <div className="row">
        <button type="submit" data-testid="saved-editor-save" disabled={busy}>
          {t('savedSaveChanges')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('savedCancel')}
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
