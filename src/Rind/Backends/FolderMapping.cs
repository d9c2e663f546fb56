namespace Rind.Backends;

/// <summary>A folder of rind's that the container sees elsewhere: a bind mount's source and destination.</summary>
internal sealed record FolderMapping(string Source, string Destination);
