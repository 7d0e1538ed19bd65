// The sandbox's IAM Identity Center: the SSO-OIDC device flow and the SSO portal API.
export { ssoOidcHandler, approveDeviceAuthorization } from './oidc';
export { ssoHandler } from './portal';
