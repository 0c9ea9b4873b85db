import type { CorpusTruth, StateCounts } from './truthTypes';

/** Counts with every state not named at zero. */
function c(counts: Partial<StateCounts>): StateCounts {
  return { done: 0, open: 0, inProgress: 0, notApplicable: 0, untracked: 0, ...counts };
}

/**
 * Ground truth for corpus files 20–41, counted by reading each file under the format rules
 * (README; issue 13). Readings that could go either way name their lines and the choice made.
 *
 * Reading used throughout for rule 6: "bullets" are unordered list items (rule 4 says "bulleted
 * or numbered" where it means both), so numbered items without a status are never untracked
 * items; bold-label bullets stay untracked in a checklist with tracked items unless they are
 * `Key: value` metadata or definition-list bullets.
 */
export const TRUTH_B: Record<string, CorpusTruth> = {
  // Lines 2–10 have no blank line before them, so they are lazy continuation lines of the
  // paragraph "Final Checklist" (an indented code block cannot interrupt a paragraph): one
  // paragraph, no list markers, no status glyphs, no code block.
  '20_indented-codeblock-no-markers.md': {
    total: c({}),
    criticalOpen: 0,
    categories: {},
    mustFind: ['no-items'],
    mustNotFind: ['checks-in-code-block'],
  },

  // Score table (12–21): ✅ Ready/Good/Excellent done (14, 17, 18, 20); ❌ Missing open (19);
  // ⚠️ Needs Work open + unknown-status (15, 16, 21).
  // Headings ending in a glyph with no items under them are items (rule 8): ❌ 60, 97, 102, 113,
  // 121 open and critical (under "🔴 CRITICAL Issues"); ⚠️ 131, 151, 156, 167, 172, 181, 186,
  // 191, 196, 201 open + unknown-status (⚠️ is a status-like emoji the tool does not know; reading
  // rule 8 as known glyphs only would drop these 10 items, leaving open 20). The bold paragraphs
  // "**Current State:**" (134) and "**Common Issues:**" (159) head plain bullets only: not
  // sub-headings, and no items.
  // 211–214 ✅ numbered glyph items done; 215, 218–222 ⚠️ and 225–229 📝 open + unknown-status.
  // 237 "**✅ You CAN deploy if:**" and 243 "**❌ You SHOULD NOT deploy if:**": bold paragraphs
  // heading lists, so categories (rule 9), not bare glyph lines; their plain bullets are not items.
  // The ☐ lines (255–290, 375–382) are inside fences: no items, two checks-in-code-block warnings.
  // The Risk table (343–350) has no status column ("(✅ done)" is in Mitigation): no items.
  '21_bare-ballot-box-lines-score-table.md': {
    total: c({ done: 27, open: 30 }),
    criticalOpen: 5,
    categories: {
      'Overall Score: 75/100': c({ done: 4, open: 4 }),
      "What's Working Well": c({ done: 19 }),
      'Issues That Need Fixing Before Production': c({ open: 15 }),
      'Required Actions Before Deployment': c({ done: 4, open: 11 }),
    },
    mustFind: ['unknown-status', 'critical-open', 'checks-in-code-block'],
  },

  // 32 tasks, all open; 🔴 right after the box is the inline critical marker (12–17). 🟠/🟡/🟢 are
  // priorities, not criticality. The Owner/dates table (66–68) has no status column: no item.
  '22_tasks-severity-emoji-prefix.md': {
    total: c({ open: 32 }),
    criticalOpen: 6,
    categories: {
      'Phase 1 — Blockers (must finish before any production deploy)': c({ open: 7 }),
      'Phase 2 — Hardening (complete before launch; soft-launch acceptable)': c({ open: 10 }),
      'Phase 3 — Module gaps (within 2–4 weeks of launch)': c({ open: 7 }),
      'Phase 4 — Quality, observability, polish': c({ open: 8 }),
    },
    mustFind: ['critical-open'],
    mustNotFind: ['unknown-status'],
  },

  // No tracked items anywhere, so every bullet (bold must-haves and plain ones alike) is an
  // untracked item (rule 6); bold is not a critical marker by default. No H1: the ### headings
  // are the top level.
  '23_frontmatter-bold-means-required.md': {
    total: c({ untracked: 48 }),
    criticalOpen: 0,
    categories: {
      Backups: c({ untracked: 5 }),
      Deployment: c({ untracked: 9 }),
      Support: c({ untracked: 5 }),
      Alerting: c({ untracked: 4 }),
      'Status communication': c({ untracked: 4 }),
      Security: c({ untracked: 6 }),
      'Load-testing': c({ untracked: 2 }),
      'Capacity-planning': c({ untracked: 3 }),
      Scalability: c({ untracked: 4 }),
      Resilience: c({ untracked: 3 }),
      'Access Control': c({ untracked: 3 }),
    },
  },

  // The H1 (8) is the title, so "TODOs" is the one top-level category. 10–16 are `Key: value`
  // metadata bullets ([url], @[username]): not items. Plain child bullets (57, 75, 83, 88, 96,
  // 113) are not items. 112 "Fix any `Critical` …" is text, not a critical marker.
  '24_issue-template-frontmatter-ato-nested.md': {
    total: c({ open: 65 }),
    criticalOpen: 0,
    categories: {
      TODOs: c({ open: 65 }),
    },
    mustNotFind: ['untracked-item', 'critical-open'],
  },

  // 77 tasks outside fences (32 [x], 45 [ ]); the 20 in the ```markdown fence (725–755) are code:
  // one checks-in-code-block warning. 134–137 `- [⚠️] …`: not a GFM box, but a box holding a
  // status glyph reads as a check; ⚠️ is unknown, so open + unknown-status (4 items).
  // 180–191 `- **原因**: …` / `- **修复**: …` (cause / fix of an issue): a short label, a colon and a
  // one-clause value, i.e. `Key: value` documentation, not items (reading them as bold-label
  // bullets would make 6 untracked items in "3. 关键问题与修复建议").
  // 179/184/189 "**状态**: ✅ 已修复" are bold paragraph lines, not glyph-led lines: not items.
  // 643–647 `1. **WebSocket连接地址配置** - …`: numbered, so not bullets (see the note above TRUTH_B);
  // the other reading makes them 5 untracked items in "10. 总结". Plain lists: not items. 660
  // "- **总计：8-13天**" is Key: value metadata. "关键" in headings (51, 174, 518) is not the word
  // "critical": nothing is critical.
  '25_chinese-cjk-readiness-report.md': {
    total: c({ done: 32, open: 49 }),
    criticalOpen: 0,
    categories: {
      '1. 竞价页面流程与功能': c({ done: 11 }),
      '2. 商业计划书页面流程与功能': c({ done: 10, open: 4 }),
      '4. 环境配置检查': c({ open: 6 }),
      '5. 数据库检查': c({ done: 8 }),
      '6. API安全性检查': c({ done: 3 }),
      '7. 监控与日志': c({ open: 15 }),
      '8. 部署清单': c({ open: 10 }),
      '9. 性能优化建议': c({ open: 14 }),
    },
    mustFind: ['unknown-status', 'checks-in-code-block'],
  },

  // 56 open tasks; lazy continuation lines (45–63) belong to their task. The `<details>` HTML
  // block ends at the blank line 72, so the template below it is Markdown. No H1: the ### headings
  // before line 76 and the ## headings after it are all top-level categories.
  '27_gitlab-style-prr-issue-template-details.md': {
    total: c({ open: 56 }),
    criticalOpen: 0,
    categories: {
      Reviewers: c({ open: 5 }),
      'Readiness Checklist': c({ open: 6 }),
      Summary: c({ open: 2 }),
      Architecture: c({ open: 4 }),
      'Operational Risk Assessment': c({ open: 8 }),
      Database: c({ open: 3 }),
      'Security and Compliance': c({ open: 5 }),
      Performance: c({ open: 5 }),
      'Backup and Restore': c({ open: 3 }),
      'Monitoring and Alerts': c({ open: 9 }),
      Responsibility: c({ open: 3 }),
      Testing: c({ open: 3 }),
    },
  },

  // Process page, no checks. The table 25–29 has a "**Status**" header, but "Planning" and
  // "Status" are the names of two issue boards and the rows are board links, a description and
  // label images: not a status column, no items (reading it as one would give 3 open items,
  // and then the bullets below would not be items). With no tracked items, the plain bullets
  // 35–37, 54–69, 74–81 are untracked (rule 6); the numbered steps 45–46 are not bullets.
  '28_gitlab-prr-process-page-negative.md': {
    total: c({ untracked: 14 }),
    criticalOpen: 0,
    categories: {
      'Criteria for starting a Production Readiness Review': c({ untracked: 3 }),
      'Guidelines for the author': c({ untracked: 8 }),
      'Guidelines for the reviewer': c({ untracked: 3 }),
    },
  },

  // BOM; no tracked items, so every `-` bullet (nested ones included, and the link bullets of the
  // appendix 47–50) is untracked (rule 6). The numbered labels 6, 9, 13 are not bullets.
  '29_utf8-bom-chinese-runbook-fullwidth.md': {
    total: c({ untracked: 32 }),
    criticalOpen: 0,
    categories: {
      环境巡检流程: c({ untracked: 7 }),
      '上线前 Checklist': c({ untracked: 7 }),
      监控与告警: c({ untracked: 11 }),
      灾备与演练: c({ untracked: 3 }),
      附录: c({ untracked: 4 }),
    },
  },

  // 150 bullets, no box, glyph or table anywhere: all untracked (rule 6), the link-only bullets of
  // "AWS DR References" (2 × 5) included. `\` and `&nbsp;` lines are lazy continuation lines of
  // the bullet before them. Several H1s, so no title and the H1s are the top level (same-titled
  // ones summed: the document is repeated from line 140).
  '30_gdocs-export-backslash-nbsp-entities.md': {
    total: c({ untracked: 150 }),
    criticalOpen: 0,
    categories: {
      'Architecture Design Review': c({ untracked: 12 }),
      'Operational Checklists': c({ untracked: 35 }),
      'Security Review': c({ untracked: 24 }),
      'Asset Management and Tracking': c({ untracked: 6 }),
      'Application Resilience': c({ untracked: 16 }),
      'Application DR/Backup': c({ untracked: 22 }),
      'Monitoring, Alerting and Logging': c({ untracked: 35 }),
    },
  },

  // 127 open tasks under the single ## heading. The key/value table (5–10) has no status column
  // (its header is "Feature | `[TICKET_NUMBER]: FeatureName`"); its "Status" row is the document's
  // unfilled option list: not an item (were it read as one, it would be open without unknown-status).
  '31_prr-template-keyvalue-table-questions.md': {
    total: c({ open: 127 }),
    criticalOpen: 0,
    categories: {
      'Production Readiness Review (PRR)': c({ open: 127 }),
    },
    mustNotFind: ['unknown-status'],
  },

  // 72 open tasks (64 bulleted + 8 numbered). Rule 8: "### 1. Environment Configuration ✅" (5)
  // and "### 1. Health Endpoint Configuration ✅" (172) hold no items or sub-headings: done items.
  // The other ✅ headings (37, 61, 92, 119) hold tasks: categories. ✅ lines in fences (200–204,
  // 212–216, 326–329, 337–345): code, four checks-in-code-block warnings. 387–391 numbered
  // bold-label steps (`1. **Stop traffic** - …`): not bullets, not items (the other reading makes
  // them 5 untracked items in "Rollback Plan"). 430–441 `Key: value` contact bullets: not items.
  '32_numbered-tasks-with-code-fences.md': {
    total: c({ done: 2, open: 72 }),
    criticalOpen: 0,
    categories: {
      'Pre-Deployment Requirements': c({ done: 1, open: 9 }),
      'Build and Deployment': c({ open: 9 }),
      'Monitoring and Health Checks': c({ done: 1, open: 9 }),
      'Security Monitoring': c({ open: 5 }),
      'Post-Deployment Testing': c({ open: 7 }),
      'Performance Optimization': c({ open: 9 }),
      'Final Production Checklist': c({ open: 24 }),
    },
    mustFind: ['checks-in-code-block'],
  },

  // Summary table 9–19: the glyph column is 評価 (現状 holds free text such as "22個作成済み"):
  // ✅ done (11, 12, 13, 16), ❌ 要設定 open (17), ⚠️ … open + unknown-status (14, 15, 18, 19).
  // The 7 tasks under "（Critical）" are critical. Alarm and cost tables have no status column.
  // 165–167 numbered bold tips (`1. **…を設定**（14〜30日）`): numbered, not bullets: not items.
  '33_japanese-status-table-tasks.md': {
    total: c({ done: 4, open: 29 }),
    criticalOpen: 7,
    categories: {
      現状サマリー: c({ done: 4, open: 5 }),
      '本番前に必須（Critical）': c({ open: 7 }),
      日常運用タスク: c({ open: 8 }),
      次のアクション: c({ open: 9 }),
    },
    mustFind: ['unknown-status', 'critical-open'],
    mustNotFind: ['checks-in-code-block'],
  },

  // 11 open tasks; the change-log bullets (43–44) are plain bullets in a tracked checklist.
  '34_japanese-frontmatter-wikilinks-nonascii-path.md': {
    total: c({ open: 11 }),
    criticalOpen: 0,
    categories: {
      'チェック項目（抜粋）': c({ open: 11 }),
    },
    mustNotFind: ['untracked-item'],
  },

  // `- ☐ x` glyph bullets: 15 open. 作成日時/ブランチ (3–4) are paragraph lines.
  '35_dash-ballot-box-bullets.md': {
    total: c({ open: 15 }),
    criticalOpen: 0,
    categories: {
      'Pre Deployment': c({ open: 5 }),
      Deployment: c({ open: 5 }),
      'Post Deployment': c({ open: 5 }),
    },
  },

  // 249 `- [ ]` tasks, the boxed metadata children (`- [ ] **Ответственный:** …`, 21–22 etc.)
  // included: a box makes an item (rule 1). 389–398 `- [ ] ✅ …` and 402–407 `- [ ] ❌ …`: the box
  // is the status, open. Status tables 366–372 and 376–381: ⏳ in progress (9). 368–372 "**Critical
  // Issues**" is a metric name, not a marker. Plain child bullets (104–106, 122–125) and the
  // bold status lines (6, 429 "**Статус:** ⏳ In Progress") are not items.
  '37_russian-nested-tasks-owner-deadline-children.md': {
    total: c({ open: 249, inProgress: 9 }),
    criticalOpen: 0,
    categories: {
      Security: c({ open: 66 }),
      Performance: c({ open: 32 }),
      Operations: c({ open: 35 }),
      Documentation: c({ open: 25 }),
      Training: c({ open: 23 }),
      'Launch Day Checklist': c({ open: 43 }),
      'Success Metrics': c({ inProgress: 9 }),
      'Go/No-Go Decision': c({ open: 16 }),
      'Final Checklist': c({ open: 9 }),
    },
    mustNotFind: ['unknown-status'],
  },

  // Redirect stub. 25–30: a run of ✅ bullets right after "…including:" enumerating what the
  // other guide covers: prose, not items (rule 4 exception). Bold lines 3–7 are paragraphs.
  '39_redirect-stub-negative.md': {
    total: c({}),
    criticalOpen: 0,
    categories: {},
    mustFind: ['no-items'],
  },

  // Every box and ✓/□ line is inside a fence: code, not items; a checks-in-code-block warning per
  // fence holding them (14–22, 25–34, 37–46, 53–79, 320–337, 397–429, and 344–359 if □ counts).
  // 465–469: bare ✅ lines right after "**When these … are followed completely:**" enumerate
  // promised outcomes: read as prose like the rule 4 exception, not items (the literal rule 5
  // reading would make them 5 done items under "PRODUCTION EXCELLENCE PROMISE").
  '40_checkmarks-inside-bash-fences-cursor-rules.md': {
    total: c({}),
    criticalOpen: 0,
    categories: {},
    mustFind: ['checks-in-code-block', 'no-items'],
  },

  // 21 [x] + 9 [ ]. The numbered recommendations (58–60) are plain items in a tracked checklist.
  '41_emoji-stripped-double-spaces.md': {
    total: c({ done: 21, open: 9 }),
    criticalOpen: 0,
    categories: {
      'Completed Items': c({ done: 21 }),
      'Areas for Improvement': c({ open: 9 }),
    },
    mustNotFind: ['untracked-item'],
  },
};
