/**
 * Turns the engine's resource errors into messages that say what ran out and what to change, so
 * a build on a full disk or a small machine ends with a clear error, never a crash.
 * @param error what the engine threw
 * @param tempDirectory where the engine spills
 * @param memoryLimit the limit in force, if set
 */
export function engineError(error: unknown, tempDirectory: string, memoryLimit: string | undefined): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/No space left on device|disk is full|max_temp_directory_size|Could not write .*temp|ENOSPC/i.test(message)) {
    return new Error(
      `the disk ran out of space while the engine spilled to ${tempDirectory}: free space there or point --temp-dir ` +
        `at a larger disk (the engine needs roughly 3× the interactions file's uncompressed size). Engine said: ${firstLine(message)}`,
    );
  }
  if (/Out of Memory|failed to allocate|could not allocate|memory limit/i.test(message)) {
    return new Error(
      `the engine ran out of memory${memoryLimit ? ` (--memory-limit ${memoryLimit})` : ''}: raise --memory-limit, lower --threads ` +
        `(each thread holds its own buffers) or free memory on the machine. Engine said: ${firstLine(message)}`,
    );
  }
  return error instanceof Error ? error : new Error(message);
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!;
}
