/** Where `npm run test:helpdesks` started the real helpdesks; a clear stop when run any other way. */
export function helpdeskEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run these tests with "npm run test:helpdesks", which starts RT and Redmine and sets it.`,
    );
  return value;
}
