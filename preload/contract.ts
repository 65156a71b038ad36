// THE contract between the renderer and main (ARCHITECTURE.md §3): one named method per operator intent,
// with its zod argument schema and result type. Pure: zod and types only.
// The methods arrive with the desktop shell issue; today it names the operation catalog's ids so the
// renderer and main already share one vocabulary.
export const CONTRACT_VERSION = 1;
