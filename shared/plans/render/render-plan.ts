// One entry for every export format: the text, a file name and its media type.
import { z } from 'zod';
import { FILE_MEDIA_TYPES } from '../../media-types';
import type { Plan } from '../plan-document';
import { renderBash } from './render-bash';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { renderS3BatchJob } from './s3-batch-job';
import { renderSsm } from './render-ssm';

// s3-batch-job: an s3-encrypt plan's S3 Batch Operations job for `aws s3control create-job`.
export const exportFormatSchema = z.enum(['json', 'html', 'md', 'bash', 'ssm', 's3-batch-job']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export interface RenderedPlan {
  readonly text: string;
  readonly fileName: string;
  readonly mime: string;
}

const FILES: Record<ExportFormat, { ext: string; mime: string; render: (plan: Plan) => string }> = {
  json: { ext: 'json', mime: FILE_MEDIA_TYPES.json, render: (plan) => `${JSON.stringify(plan, null, 2)}\n` },
  html: { ext: 'html', mime: FILE_MEDIA_TYPES.html, render: renderHtml },
  md: { ext: 'md', mime: FILE_MEDIA_TYPES.markdown, render: renderMarkdown },
  bash: { ext: 'sh', mime: FILE_MEDIA_TYPES.shell, render: renderBash },
  ssm: { ext: 'ssm.yaml', mime: FILE_MEDIA_TYPES.yaml, render: renderSsm },
  's3-batch-job': { ext: 's3-batch-job.json', mime: FILE_MEDIA_TYPES.json, render: renderS3BatchJob },
};

export function renderPlan(plan: Plan, format: ExportFormat): RenderedPlan {
  const file = FILES[format];
  const base = plan.id.replace(/[^A-Za-z0-9._-]/g, '_');
  return { text: file.render(plan), fileName: `${base}.${file.ext}`, mime: file.mime };
}
