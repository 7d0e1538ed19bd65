import type { Handlers } from '../ipc/dispatcher';
import type { DiagnosticsService } from '../diagnostics/diagnostics-service';

type DiagnosticsChannel = Extract<keyof Handlers, `diagnostics:${string}`>;

export function diagnosticsHandlers(diagnostics: DiagnosticsService): Pick<Handlers, DiagnosticsChannel> {
  return {
    'diagnostics:run': ({ regions }) => Promise.resolve({ jobId: diagnostics.run(regions) }),
    'diagnostics:report': () => {
      const report = diagnostics.lastReport();
      return Promise.resolve(report ? { report } : {});
    },
    'diagnostics:exportReport': ({ format }) => Promise.resolve(diagnostics.exportReport(format)),
    'diagnostics:getSettings': () => Promise.resolve(diagnostics.settings()),
    'diagnostics:saveSettings': (settings) => Promise.resolve(diagnostics.saveSettings(settings)),
    'diagnostics:importConfig': ({ text, region, format }) =>
      Promise.resolve(diagnostics.importConfig(text, region, format)),
    'diagnostics:previewFix': (request) => diagnostics.previewFix(request),
    'diagnostics:applyFix': ({ plan }) => diagnostics.applyFix(plan),
    'diagnostics:undoFix': ({ entryId }) => diagnostics.undoFix(entryId),
    'diagnostics:journal': () => Promise.resolve({ entries: diagnostics.journal() }),
  };
}
