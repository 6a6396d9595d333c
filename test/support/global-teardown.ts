import { removeRunTmpdir } from './global-tmpdir';

export default function globalTeardown(): void {
  removeRunTmpdir();
}
