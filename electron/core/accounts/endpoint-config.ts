// The SDK's standard endpoint settings, resolved for one profile (or sso-session section) and one
// service, in the SDK's order: AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the `services`
// section's `<service> = endpoint_url = …`, the section's own endpoint_url. The SDK resolves these
// only for the process-wide profile (AWS_PROFILE), so Envelope resolves them per profile and hands
// the result to each client as its endpoint.
import type { Section, SharedFiles } from './profile-files';

// Service ids as the SDK names them ('SSO OIDC' → AWS_ENDPOINT_URL_SSO_OIDC and `sso_oidc`).
export type EndpointServiceId =
  'SSO' | 'SSO OIDC' | 'STS' | 'EC2' | 'KMS' | 'S3' | 'S3 Control' | 'IAM' | 'Auto Scaling';

const truthy = (value: string | undefined): boolean => value?.toLowerCase() === 'true';

export function configuredEndpoint(
  serviceId: EndpointServiceId,
  sections: readonly (Section | undefined)[],
  files: Pick<SharedFiles, 'config'>,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (truthy(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS)) return undefined;
  const envName = ['AWS_ENDPOINT_URL', ...serviceId.split(' ').map((w) => w.toUpperCase())].join('_');
  const fromEnv = env[envName] ?? env.AWS_ENDPOINT_URL;
  if (fromEnv) return fromEnv;
  const servicePrefix = serviceId
    .split(' ')
    .map((w) => w.toLowerCase())
    .join('_');
  for (const section of sections) {
    if (!section || truthy(section.ignore_configured_endpoint_urls)) continue;
    if (section.services) {
      const fromServices = files.config[`services.${section.services}`]?.[`${servicePrefix}.endpoint_url`];
      if (fromServices) return fromServices;
    }
    if (section.endpoint_url) return section.endpoint_url;
  }
  return undefined;
}
