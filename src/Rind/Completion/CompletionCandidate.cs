namespace Rind.Completion;

/// <summary>One way to complete the word: the whole word as it would then read, and what it is.</summary>
/// <param name="Description">Shown beside it by zsh and fish; null for none.</param>
internal sealed record CompletionCandidate(string Value, string? Description = null);
