// Whether a process still runs, for the leases and locks a dead holder must not keep (bulk jobs, the embedded
// sandbox, the shipper). Signal 0 only asks; EPERM means it runs under another user.
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
