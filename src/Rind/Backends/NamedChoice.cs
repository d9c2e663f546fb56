namespace Rind.Backends;

/// <summary>A name an option can be given, and what it is, for completion to show beside it.</summary>
/// <param name="Description">Null when there is nothing to say of it.</param>
internal sealed record NamedChoice(string Name, string? Description = null);
