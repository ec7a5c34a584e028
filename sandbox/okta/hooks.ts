// What the API routes tell the rest of the emulated org after a change that may matter to
// provisioning (a profile edit, a deactivation, an assignment, a group membership).
export interface Hooks {
    changed(): void;
    /** Resolves once every provisioning task queued so far has run (or failed). */
    settled(): Promise<void>;
}
