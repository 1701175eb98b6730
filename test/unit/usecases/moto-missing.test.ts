/**
 * A machine without moto's server fails the Cognito tests with a message saying what to install,
 * never skips them (test/support/moto.ts; .ci/run installs it).
 * flow: vitest --> moto helper --> spawn (ENOENT)
 */
import { describe, expect, it } from 'vitest';
import { startMoto } from '../../support/moto.ts';

describe('moto helper', () => {
  it('throws, naming the missing command and how to install it, when moto_server is not on PATH', async () => {
    await expect(startMoto('moto_server_not_installed_here')).rejects.toThrow(
      /moto_server_not_installed_here is not on PATH: install it \(pip install "moto\[server\]==5\.2\.1"/u,
    );
  });
});
