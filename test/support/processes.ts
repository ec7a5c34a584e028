// Whether a process the test started, or one that process started, still runs.

/** True while `pid` can be signalled (a zombie not yet reaped counts as running). */
export const alive = (pid: number): boolean => {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
};
