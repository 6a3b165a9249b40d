// The background's saved-posts service: the one writer. Content scripts, the popup and the options
// page send messages; these handlers answer them. Posts live one per storage key (store.ts), and
// writes to one key are queued behind each other, so concurrent saves from many tabs never lose
// or duplicate a post. Imports run alone (they wait for queued writes and hold new ones back).
// Every handler resolves to a result object; none throws, so the UI always has a message to show.
import { z } from 'zod';
import { exportCsv } from './export-csv';
import { exportJson } from './export-json';
import { exportMarkdown } from './export-markdown';
import { SITE_IDS } from '../sites/types';
import { filterSaved, sortSaved } from './filter';
import { mergeImported, parseImportFile } from './import';
import {
  cleanLine,
  cleanText,
  dedupeModels,
  describeIssue,
  isWebUrl,
  LIMITS,
  normaliseTags,
  parseSavedPost,
  savePostInputSchema,
  updateSavedInputSchema,
} from './schema';
import {
  countStoredSaved,
  readAllSaved,
  readSaved,
  removeSaved,
  storageFailure,
  writeSaved,
} from './store';
import type {
  CountSavedResult,
  ExportRequest,
  ExportResult,
  ImportResult,
  ListSavedResult,
  SavedFailure,
  SavedKeysResult,
  SavedPost,
  SavePostInput,
  SaveResult,
  UnsaveResult,
  UpdateSavedInput,
  UpdateSavedResult,
} from './types';

export type UnsaveManyResult = { ok: true; removed: number } | SavedFailure;

/** The messages to add to utils/messaging.ts's ProtocolMap (`interface ProtocolMap extends …`). */
export interface SavedPostsProtocol {
  /** Save or re-save (update) a post from a fact card, the context menu or the shortcut. */
  savePost(input: SavePostInput): SaveResult;
  unsavePost(key: string): UnsaveResult;
  /** Bulk delete from the manager. */
  unsavePosts(keys: string[]): UnsaveManyResult;
  /** Edit the note and/or tags of a saved post. */
  updateSavedPost(input: UpdateSavedInput): UpdateSavedResult;
  /** Which of these post keys are saved (the card's Save / Saved state). */
  getSavedKeys(keys: string[]): SavedKeysResult;
  listSaved(): ListSavedResult;
  countSaved(): CountSavedResult;
  /** The text of a JSON export file. */
  importSaved(text: string): ImportResult;
  exportSaved(request: ExportRequest): ExportResult;
}

export type SavedMessageName = keyof SavedPostsProtocol;

const invalid = (message: string): SavedFailure => ({ ok: false, error: 'invalid-input', message });

const keySchema = z.string().min(1).max(LIMITS.key);
const keysSchema = z.array(keySchema).max(50_000);
const filterSchema = z
  .object({
    query: z.string().max(1_000).optional(),
    families: z.array(z.string().max(100)).max(1_000).optional(),
    sites: z.array(z.enum(SITE_IDS)).max(100).optional(),
    from: z.string().max(100).optional(),
    to: z.string().max(100).optional(),
    tags: z.array(z.string().max(100)).max(1_000).optional(),
  })
  .optional();
const exportRequestSchema = z.object({
  format: z.enum(['json', 'csv', 'markdown']),
  keys: keysSchema.optional(),
  filter: filterSchema,
  sort: z
    .object({
      by: z.enum(['savedAt', 'site', 'author']),
      direction: z.enum(['asc', 'desc']).optional(),
    })
    .optional(),
  familyNames: z.record(z.string().max(100), z.string().max(200)).optional(),
});

/** Serialises work per key; `exclusive` work waits for everything queued and blocks new work. */
export class KeyedQueue {
  private tails = new Map<string, Promise<void>>();
  private barrier: Promise<void> = Promise.resolve();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = Promise.all([this.barrier, this.tails.get(key)]).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = Promise.all([this.barrier, ...this.tails.values()]).then(task);
    this.barrier = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

export interface SavedPostsServiceOptions {
  /** The clock, for tests. */
  now?: () => Date;
}

export function buildSavedPost(
  input: z.infer<typeof savePostInputSchema>,
  existing: SavedPost | undefined,
  now: Date,
): SavedPost | null {
  const { post } = input;
  const url = post.url && post.url.length <= LIMITS.url && isWebUrl(post.url) ? post.url : null;
  const author = post.author === null ? '' : cleanLine(post.author, LIMITS.author);
  const label =
    post.platformLabel === null ? '' : cleanLine(post.platformLabel, LIMITS.platformLabel);
  const at = now.toISOString();
  return parseSavedPost({
    key: post.key,
    site: input.site,
    url,
    author: author || null,
    text: cleanText(post.text, LIMITS.text),
    models: dedupeModels(input.mentions).slice(0, LIMITS.models),
    platformLabel: label || null,
    hasVideo: post.hasVideo,
    savedAt: at,
    updatedAt: at,
    datasetVersion: input.datasetVersion,
    note: input.note === undefined ? (existing?.note ?? '') : cleanText(input.note, LIMITS.note),
    tags: input.tags === undefined ? (existing?.tags ?? []) : normaliseTags(input.tags),
  });
}

export function createSavedPostsService(options: SavedPostsServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const queue = new KeyedQueue();

  async function guard<T>(work: () => Promise<T | SavedFailure>): Promise<T | SavedFailure> {
    try {
      return await work();
    } catch (error) {
      return storageFailure(error);
    }
  }

  const service = {
    savePost(input: SavePostInput): Promise<SaveResult> {
      const parsed = savePostInputSchema.safeParse(input);
      if (!parsed.success) {
        return Promise.resolve(invalid(`Not saved: ${describeIssue(parsed.error)}.`));
      }
      const key = parsed.data.post.key;
      return queue.run(key, () =>
        guard(async (): Promise<SaveResult> => {
          const existing = (await readSaved([key])).get(key);
          const post = buildSavedPost(parsed.data, existing, now());
          if (!post) return invalid('Not saved: the post could not be stored.');
          await writeSaved([post]);
          return { ok: true, post, created: !existing };
        }),
      );
    },

    unsavePost(key: string): Promise<UnsaveResult> {
      if (!keySchema.safeParse(key).success) return Promise.resolve(invalid('Bad post key.'));
      return queue.run(key, () =>
        guard(async (): Promise<UnsaveResult> => {
          const existed = (await readSaved([key])).has(key);
          await removeSaved([key]);
          return { ok: true, removed: existed };
        }),
      );
    },

    unsavePosts(keys: string[]): Promise<UnsaveManyResult> {
      const parsed = keysSchema.safeParse(keys);
      if (!parsed.success) return Promise.resolve(invalid('Bad post keys.'));
      return queue.exclusive(() =>
        guard(async (): Promise<UnsaveManyResult> => {
          const unique = [...new Set(parsed.data)];
          const existing = await readSaved(unique);
          await removeSaved(unique);
          return { ok: true, removed: existing.size };
        }),
      );
    },

    updateSavedPost(input: UpdateSavedInput): Promise<UpdateSavedResult> {
      const parsed = updateSavedInputSchema.safeParse(input);
      if (!parsed.success) {
        return Promise.resolve(invalid(`Not updated: ${describeIssue(parsed.error)}.`));
      }
      const { key, note, tags } = parsed.data;
      return queue.run(key, () =>
        guard(async (): Promise<UpdateSavedResult> => {
          const existing = (await readSaved([key])).get(key);
          if (!existing) {
            return { ok: false, error: 'not-found', message: 'This post is no longer saved.' };
          }
          const at = now().toISOString();
          const post: SavedPost = {
            ...existing,
            note: note === undefined ? existing.note : cleanText(note, LIMITS.note),
            tags: tags === undefined ? existing.tags : normaliseTags(tags),
            updatedAt: at > existing.updatedAt ? at : existing.updatedAt,
          };
          await writeSaved([post]);
          return { ok: true, post };
        }),
      );
    },

    getSavedKeys(keys: string[]): Promise<SavedKeysResult> {
      const parsed = keysSchema.safeParse(keys);
      if (!parsed.success) return Promise.resolve(invalid('Bad post keys.'));
      return guard(async (): Promise<SavedKeysResult> => {
        const found = await readSaved([...new Set(parsed.data)]);
        return { ok: true, saved: [...found.keys()] };
      });
    },

    listSaved(): Promise<ListSavedResult> {
      return guard(async (): Promise<ListSavedResult> => ({
        ok: true,
        posts: await readAllSaved(),
      }));
    },

    countSaved(): Promise<CountSavedResult> {
      return guard(async (): Promise<CountSavedResult> => ({
        ok: true,
        count: await countStoredSaved(),
      }));
    },

    /**
     * Validates the whole file first (a bad file changes nothing), then merges the valid entries
     * by key (newer savedAt wins) and writes every change in one storage.set(), which the browser
     * applies all or nothing: when storage is full, nothing is imported and the store is intact.
     */
    importSaved(text: string): Promise<ImportResult> {
      const parsed = parseImportFile(text);
      if (!parsed.ok) return Promise.resolve(parsed);
      return queue.exclusive(() =>
        guard(async (): Promise<ImportResult> => {
          const existing = await readSaved([...new Set(parsed.posts.map((e) => e.post.key))]);
          const { toWrite, report } = mergeImported(existing, parsed);
          try {
            await writeSaved(toWrite);
          } catch (error) {
            const failure = storageFailure(error);
            return {
              ...failure,
              message:
                failure.error === 'storage-full'
                  ? 'Browser storage for Frame Facts is full, so nothing was imported. Remove some saved posts, then try again.'
                  : failure.message.replace('nothing was saved', 'nothing was imported'),
              report: { ...report, added: 0, updated: 0, unchanged: 0 },
            };
          }
          return { ok: true, report };
        }),
      );
    },

    exportSaved(request: ExportRequest): Promise<ExportResult> {
      const parsed = exportRequestSchema.safeParse(request);
      if (!parsed.success) return Promise.resolve(invalid('Bad export request.'));
      return guard(async (): Promise<ExportResult> => {
        const { format, keys, filter, sort, familyNames } = parsed.data;
        let posts = await readAllSaved();
        if (keys) {
          const wanted = new Set(keys);
          posts = posts.filter((p) => wanted.has(p.key));
        }
        if (filter) posts = filterSaved(posts, filter);
        if (sort) posts = sortSaved(posts, sort);
        const at = now();
        const file =
          format === 'json'
            ? exportJson(posts, at)
            : format === 'csv'
              ? exportCsv(posts, at)
              : exportMarkdown(posts, at, { familyNames });
        return { ok: true, file, count: posts.length };
      });
    },
  };
  return service;
}

export type SavedPostsService = ReturnType<typeof createSavedPostsService>;

/** The background's instance. */
export const savedPosts = createSavedPostsService();
export const {
  savePost,
  unsavePost,
  unsavePosts,
  updateSavedPost,
  getSavedKeys,
  listSaved,
  countSaved,
  importSaved,
  exportSaved,
} = savedPosts;

type Handler<K extends SavedMessageName> = (message: {
  data: Parameters<SavedPostsProtocol[K]>[0];
}) => Promise<ReturnType<SavedPostsProtocol[K]>>;

/** `onMessage` from utils/messaging.ts once its ProtocolMap extends SavedPostsProtocol. */
export type SavedOnMessage = <K extends SavedMessageName>(type: K, handler: Handler<K>) => unknown;

/** Registers every saved-posts message handler (call once, in the background). */
export function registerSavedPostsHandlers(
  onMessage: SavedOnMessage,
  service: SavedPostsService = savedPosts,
): void {
  onMessage('savePost', ({ data }) => service.savePost(data));
  onMessage('unsavePost', ({ data }) => service.unsavePost(data));
  onMessage('unsavePosts', ({ data }) => service.unsavePosts(data));
  onMessage('updateSavedPost', ({ data }) => service.updateSavedPost(data));
  onMessage('getSavedKeys', ({ data }) => service.getSavedKeys(data));
  onMessage('listSaved', () => service.listSaved());
  onMessage('countSaved', () => service.countSaved());
  onMessage('importSaved', ({ data }) => service.importSaved(data));
  onMessage('exportSaved', ({ data }) => service.exportSaved(data));
}
