/**
 * A checklist's own config: the `readiness:` key of its front matter, applied over the config
 * file's, located in the checklist so that its errors point at the right line.
 */
import type { RootContent } from 'mdast';
import { applyFrontMatter } from '../config/config';
import type { ReadinessConfig } from '../config/types';
import type { Finding } from '../model/ruleTable';
import { frontMatterBodyStart } from '../parse/markdown';
import type { LineIndex } from '../text/lineIndex';

/** The effective config and front matter of a text whose first top-level block is `node`. */
export interface AppliedFrontMatter {
  /** `config` with the front matter's `readiness:` applied (the same object when there is none). */
  config: ReadinessConfig;
  /** Front matter config findings (located in the checklist). */
  configFindings: Finding[];
  /** The parsed front matter value, when there is front matter. */
  frontMatterData: unknown;
}

/** Applies the front matter (`node`, when it is the yaml block) to `config`. */
export function applyFrontMatterNode(
  config: ReadinessConfig,
  node: RootContent | undefined,
  text: string,
  index: LineIndex,
): AppliedFrontMatter {
  if (node?.type !== 'yaml') return { config, configFindings: [], frontMatterData: undefined };
  const nodeStart = node.position?.start.offset ?? 0;
  const bodyStart = frontMatterBodyStart(text, node.value, nodeStart);
  const applied = applyFrontMatter(config, node.value, { offset: bodyStart, ...index.positionAt(bodyStart) });
  return { config: applied.config, configFindings: applied.findings, frontMatterData: applied.data };
}
