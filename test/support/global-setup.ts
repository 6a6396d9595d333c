import { createRunTmpdir } from './global-tmpdir';

export default function globalSetup(): void {
  createRunTmpdir();
}
