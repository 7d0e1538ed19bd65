// One entry for every export format: the text, a file name and its media type.
import { z } from 'zod';
import type { Plan } from '../plan-document';
import { renderBash } from './render-bash';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { renderSsm } from './render-ssm';

export const exportFormatSchema = z.enum(['json', 'html', 'md', 'bash', 'ssm']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export interface RenderedPlan {
  readonly text: string;
  readonly fileName: string;
  readonly mime: string;
}

const FILES: Record<ExportFormat, { ext: string; mime: string; render: (plan: Plan) => string }> = {
  json: { ext: 'json', mime: 'application/json', render: (plan) => `${JSON.stringify(plan, null, 2)}\n` },
  html: { ext: 'html', mime: 'text/html', render: renderHtml },
  md: { ext: 'md', mime: 'text/markdown', render: renderMarkdown },
  bash: { ext: 'sh', mime: 'text/x-shellscript', render: renderBash },
  ssm: { ext: 'ssm.yaml', mime: 'application/yaml', render: renderSsm },
};

export function renderPlan(plan: Plan, format: ExportFormat): RenderedPlan {
  const file = FILES[format];
  const base = plan.id.replace(/[^A-Za-z0-9._-]/g, '_');
  return { text: file.render(plan), fileName: `${base}.${file.ext}`, mime: file.mime };
}
