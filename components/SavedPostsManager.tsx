// The options page's saved-posts manager: search, filters, sort, multi-select with bulk delete,
// note and tag edits, unsave, export and import. The list is virtualised (fixed row height), so
// 10,000 posts scroll smoothly. The background owns the store; this page only sends messages.
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { readStoredDataset } from '@/utils/dataset/storage';
import { sendMessage } from '@/utils/messaging';
import { familyCounts, filterSaved, sortSaved } from '@/utils/saved/filter';
import { SAVED_PREFIX } from '@/utils/saved/keys';
import type { SavedPost, SavedSort, SortField } from '@/utils/saved/types';
import type { SiteId } from '@/utils/sites/types';
import { ExportMenu } from './ExportMenu';
import { ConfirmBar } from './ConfirmBar';
import { errorText, t } from './i18n';
import { ImportButton } from './ImportButton';
import { SavedPostEditor } from './SavedPostEditor';
import { SavedPostRow } from './SavedPostRow';
import { siteName } from './siteNames';
import { VirtualList } from './VirtualList';

export const ROW_HEIGHT = 88;
const LIST_HEIGHT = 528;

interface Filters {
  query: string;
  author: string;
  family: string;
  site: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { query: '', author: '', family: '', site: '', from: '', to: '' };
const defaultDirection = (by: SortField) => (by === 'savedAt' ? 'desc' : 'asc');
const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase();

/** The posts shown for these filters, in this order (author search is on the author alone). */
export function shownPosts(posts: readonly SavedPost[], f: Filters, sort: SavedSort): SavedPost[] {
  let list = filterSaved(posts, {
    query: f.query,
    families: f.family ? [f.family] : undefined,
    sites: f.site ? [f.site as SiteId] : undefined,
    from: f.from || undefined,
    to: f.to || undefined,
  });
  const author = fold(f.author.trim().replace(/^@/, ''));
  if (author) list = list.filter((p) => p.author !== null && fold(p.author).includes(author));
  return sortSaved(list, sort);
}

export function SavedPostsManager(props: { listHeight?: number } = {}) {
  const [posts, setPosts] = useState<SavedPost[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [familyNames, setFamilyNames] = useState<Record<string, string>>({});
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<Required<SavedSort>>({ by: 'savedAt', direction: 'desc' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    sendMessage('listSaved', undefined)
      .then((result) => {
        if (!result.ok) return setLoadError(errorText(result.error));
        setLoadError(null);
        setPosts(result.posts);
        // Selected posts that are gone (deleted in another tab) leave the selection.
        const keys = new Set(result.posts.map((p) => p.key));
        setSelected((old) => new Set([...old].filter((k) => keys.has(k))));
      })
      .catch(() => setLoadError(errorText(undefined)));
  }, []);

  useEffect(() => {
    load();
    readStoredDataset()
      .then((dataset) =>
        setFamilyNames(Object.fromEntries((dataset?.families ?? []).map((f) => [f.id, f.name]))),
      )
      .catch(() => undefined);
    // Posts saved, edited or removed elsewhere (a fact card in another tab) show up here.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !Object.keys(changes).some((k) => k.startsWith(SAVED_PREFIX))) return;
      clearTimeout(timer);
      timer = setTimeout(load, 300);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [load]);

  const deferredFilters = useDeferredValue(filters);
  const all = useMemo(() => posts ?? [], [posts]);
  const shown = useMemo(() => shownPosts(all, deferredFilters, sort), [all, deferredFilters, sort]);
  const shownKeys = useMemo(() => shown.map((p) => p.key), [shown]);
  const families = useMemo(() => familyCounts(all), [all]);
  const sites = useMemo(() => [...new Set(all.map((p) => p.site))].sort(), [all]);
  const filtered = shown.length !== all.length;
  const allShownSelected = shown.length > 0 && shown.every((p) => selected.has(p.key));
  const someShownSelected = !allShownSelected && shown.some((p) => selected.has(p.key));
  const editingPost = editing ? all.find((p) => p.key === editing) : undefined;

  const setFilter = (name: keyof Filters, value: string) =>
    setFilters((f) => ({ ...f, [name]: value }));

  const toggle = useCallback(
    (key: string) =>
      setSelected((old) => {
        const next = new Set(old);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );

  const toggleAllShown = () =>
    setSelected((old) => {
      const next = new Set(old);
      for (const key of shownKeys) {
        if (allShownSelected) next.delete(key);
        else next.add(key);
      }
      return next;
    });

  const remove = (keys: string[]) => {
    const gone = new Set(keys);
    setPosts((list) => list?.filter((p) => !gone.has(p.key)) ?? list);
    setSelected((old) => new Set([...old].filter((k) => !gone.has(k))));
    setEditing((key) => (key && gone.has(key) ? null : key));
  };

  const act = <R extends { ok: boolean; error?: string }>(
    work: () => Promise<R>,
    onOk: (result: R) => void,
  ) => {
    setBusy(true);
    setStatus(null);
    setError(null);
    work()
      .then((result) => (result.ok ? onOk(result) : setError(errorText(result.error))))
      .catch(() => setError(errorText(undefined)))
      .finally(() => setBusy(false));
  };

  const unsaveOne = useCallback(
    (key: string) =>
      act(
        () => sendMessage('unsavePost', key),
        () => remove([key]),
      ),
    [],
  );

  const deleteSelected = () => {
    const keys = [...selected];
    setConfirming(false);
    act(
      () => sendMessage('unsavePosts', keys),
      (result) => {
        remove(keys);
        if (result.ok) setStatus(t('savedDeleted', result.removed));
      },
    );
  };

  const onEdited = (post: SavedPost) => {
    setPosts((list) => list?.map((p) => (p.key === post.key ? post : p)) ?? list);
    setEditing(null);
    setStatus(t('savedUpdated'));
  };

  const resetKey = JSON.stringify([deferredFilters, sort]);

  return (
    <div className="saved-manager" data-testid="saved-manager">
      <p className="muted">{t('savedIntro')}</p>
      <div className="saved-filters">
        <label>
          <span>{t('savedSearch')}</span>
          <input
            type="search"
            data-testid="saved-search"
            placeholder={t('savedSearchPlaceholder')}
            value={filters.query}
            onChange={(e) => setFilter('query', e.currentTarget.value)}
          />
        </label>
        <label>
          <span>{t('savedAuthor')}</span>
          <input
            type="search"
            data-testid="saved-author-filter"
            placeholder={t('savedAuthorPlaceholder')}
            value={filters.author}
            onChange={(e) => setFilter('author', e.currentTarget.value)}
          />
        </label>
        <label>
          <span>{t('savedFamily')}</span>
          <select
            data-testid="saved-family"
            value={filters.family}
            onChange={(e) => setFilter('family', e.currentTarget.value)}
          >
            <option value="">{t('savedFamilyAll')}</option>
            {families.map(({ family, count }) => (
              <option key={family} value={family}>
                {t('savedFamilyOption', [familyNames[family] ?? family, count])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('savedSite')}</span>
          <select
            data-testid="saved-site"
            value={filters.site}
            onChange={(e) => setFilter('site', e.currentTarget.value)}
          >
            <option value="">{t('savedSiteAll')}</option>
            {sites.map((site) => (
              <option key={site} value={site}>
                {siteName(site)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('savedFrom')}</span>
          <input
            type="date"
            data-testid="saved-from"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => setFilter('from', e.currentTarget.value)}
          />
        </label>
        <label>
          <span>{t('savedTo')}</span>
          <input
            type="date"
            data-testid="saved-to"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => setFilter('to', e.currentTarget.value)}
          />
        </label>
        <label>
          <span>{t('savedSort')}</span>
          <select
            data-testid="saved-sort"
            value={sort.by}
            onChange={(e) => {
              const by = e.currentTarget.value as SortField;
              setSort({ by, direction: defaultDirection(by) });
            }}
          >
            <option value="savedAt">{t('savedSortSavedAt')}</option>
            <option value="site">{t('savedSortSite')}</option>
            <option value="author">{t('savedSortAuthor')}</option>
          </select>
        </label>
        <label>
          <span>{t('savedSortDirection')}</span>
          <select
            data-testid="saved-direction"
            value={sort.direction}
            onChange={(e) => {
              const direction = e.currentTarget.value as 'asc' | 'desc';
              setSort((s) => ({ ...s, direction }));
            }}
          >
            <option value="desc">{t('savedSortDesc')}</option>
            <option value="asc">{t('savedSortAsc')}</option>
          </select>
        </label>
      </div>
      <div className="row saved-bar">
        <label className="check">
          <input
            type="checkbox"
            data-testid="saved-select-all"
            checked={allShownSelected}
            ref={(el) => {
              if (el) el.indeterminate = someShownSelected;
            }}
            disabled={shown.length === 0}
            onChange={toggleAllShown}
          />
          <span>{t('savedSelectAll')}</span>
        </label>
        <span className="muted" data-testid="saved-shown" aria-live="polite">
          {posts ? t('savedShown', [shown.length, all.length]) : null}
          {selected.size ? ` · ${t('savedSelected', selected.size)}` : null}
        </span>
        {filtered ? (
          <button type="button" className="link" onClick={() => setFilters(NO_FILTERS)}>
            {t('savedClearFilters')}
          </button>
        ) : null}
        {selected.size ? (
          <>
            <button type="button" className="link" onClick={() => setSelected(new Set())}>
              {t('savedClearSelection')}
            </button>
            <button
              type="button"
              className="danger"
              data-testid="saved-delete-selected"
              disabled={busy || confirming}
              onClick={() => setConfirming(true)}
            >
              {t('savedDeleteSelected', selected.size)}
            </button>
          </>
        ) : null}
      </div>
      {confirming && selected.size ? (
        <ConfirmBar
          id="saved-confirm-text"
          question={t('savedDeleteConfirm', selected.size)}
          confirmTestId="saved-delete-confirm"
          onConfirm={deleteSelected}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {status ? (
        <p className="muted" role="status" data-testid="saved-status">
          {status}
        </p>
      ) : null}
      {error || loadError ? (
        <p className="error" role="alert" data-testid="saved-error">
          {error ?? loadError}
        </p>
      ) : null}
      {editingPost ? (
        <SavedPostEditor
          key={editingPost.key}
          post={editingPost}
          onSaved={onEdited}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {posts === null ? (
        loadError ? null : (
          <p className="muted">{t('savedLoading')}</p>
        )
      ) : all.length === 0 ? (
        <p className="muted" data-testid="saved-empty">
          {t('savedEmpty')}
        </p>
      ) : shown.length === 0 ? (
        <p className="muted" data-testid="saved-no-match">
          {t('savedNoMatch')}
        </p>
      ) : (
        <VirtualList
          count={shown.length}
          rowHeight={ROW_HEIGHT}
          height={props.listHeight ?? LIST_HEIGHT}
          resetKey={resetKey}
          label={t('savedListLabel', shown.length)}
          testId="saved-list"
          renderRow={(i, style) => {
            const post = shown[i]!;
            return (
              <SavedPostRow
                key={post.key}
                post={post}
                index={i}
                setSize={shown.length}
                style={style}
                selected={selected.has(post.key)}
                busy={busy}
                familyNames={familyNames}
                onToggle={toggle}
                onEdit={setEditing}
                onUnsave={unsaveOne}
              />
            );
          }}
        />
      )}
      <ExportMenu
        total={all.length}
        shownKeys={shownKeys}
        filtered={filtered}
        selectedKeys={[...selected]}
        sort={sort}
        familyNames={familyNames}
      />
      <ImportButton onImported={load} />
    </div>
  );
}
