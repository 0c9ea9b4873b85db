/** Classifies and resolves link destinations found in a checklist, as pure string work. */
import { CONFIG_FILE_NAME } from '../config/discover';

/** What a link destination is. */
export type LinkTarget =
  { kind: 'external'; url: string } | { kind: 'anchor' } | { kind: 'outside'; reason: string } | { kind: 'workspace'; path: string };

const SAFE_SCHEMES = /^(?:https?|mailto|ftp|ftps):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Resolves a link destination written in the checklist at `fromPath` (workspace-relative,
 * POSIX) to a workspace-relative POSIX path. Anything that could read outside the workspace
 * (absolute paths, drive letters, UNC paths, `..` escapes, `file:`/`command:`/other schemes,
 * encoded variants of these) is `outside` and must never be opened.
 */
export function resolveLinkTarget(destination: string, fromPath: string): LinkTarget {
  const raw = destination.trim();
  if (raw === '') return { kind: 'anchor' };
  if (SAFE_SCHEMES.test(raw)) return { kind: 'external', url: raw };
  if (raw.startsWith('#')) return { kind: 'anchor' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { kind: 'outside', reason: 'the link is not a valid URL' };
  }
  const pathPart = decoded.replace(/[?#].*$/s, '').replace(/\\/g, '/');
  if (/^[a-z]:/i.test(pathPart)) return { kind: 'outside', reason: 'it is an absolute Windows path' };
  if (ANY_SCHEME.test(raw) || ANY_SCHEME.test(decoded))
    return { kind: 'outside', reason: `the "${raw.split(':')[0]}:" scheme is not allowed` };
  if (pathPart.startsWith('/')) return { kind: 'outside', reason: 'it is an absolute path' };
  if (pathPart.includes('\0')) return { kind: 'outside', reason: 'the path contains a NUL character' };
  const baseDir = fromPath.includes('/') ? fromPath.slice(0, fromPath.lastIndexOf('/')) : '';
  const segments = baseDir === '' ? [] : baseDir.split('/');
  for (const segment of pathPart.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return { kind: 'outside', reason: 'it leaves the workspace folder' };
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  if (segments.length === 0) return { kind: 'anchor' };
  return { kind: 'workspace', path: segments.join('/') };
}

/** True when a workspace path lies inside one of the folders (workspace-relative, POSIX). */
export function isUnderFolder(path: string, folders: readonly string[]): boolean {
  return folders.some((folder) => {
    const f = folder
      .replace(/\\/g, '/')
      .replace(/^\.\/+/, '')
      .replace(/\/+$/, '');
    return f !== '' && (path === f || path.startsWith(f + '/') || path.includes('/' + f + '/'));
  });
}

/**
 * A stand-in file path inside the config's folder, for `resolveLinkTarget`: config paths
 * (`runbooks.links[].path`, `evidence.dir`) resolve against the folder of `.readiness.yml`.
 */
export function configRelative(config: { baseDir: string }): string {
  return config.baseDir === '' ? CONFIG_FILE_NAME : `${config.baseDir}/${CONFIG_FILE_NAME}`;
}
