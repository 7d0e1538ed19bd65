// The sandbox evaluates key policies, IAM policies and grants with the same pure evaluator that
// core's diagnostics use, so the app's explanation and the sandbox's decision cannot disagree.
export * from '../../../shared/policy';
export { identityPoliciesOf, findPrincipal } from './identity';
