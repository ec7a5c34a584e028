// What the API routes tell the rest of the emulated org after a change that may matter to
// provisioning (a profile edit, a deactivation, an assignment, a group membership).
export interface Hooks {
    changed(): void;
}

export const noHooks: Hooks = {
    changed() {
        /* nothing listens */
    },
};
