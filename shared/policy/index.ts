// Policy parsing and evaluation, pure TypeScript: the sandbox enforces key policies with it and
// core's diagnostics explain them with it ("statement 2, Sid …, allows EC2 to use the key").
export * from './document';
export * from './conditions';
export * from './wildcard';
export * from './principal';
export * from './evaluate';
export * from './kms-access';
