/**
 * The environment of a plain `npm run build`: Vitest sets NODE_ENV=test, MODE=test, DEV=1, …,
 * and a build that inherits them is not the one users get (it broke the fact card once).
 */
export function plainBuildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(VITEST.*|TEST|NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL)$/.test(key),
    ),
  );
  return { ...env, ...extra };
}
