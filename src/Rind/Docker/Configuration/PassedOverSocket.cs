namespace Rind.Docker.Configuration;

/// <summary>A place an engine's socket was looked for and not used, for --verbose.</summary>
/// <param name="Origin">What the place is: "the default socket", "rootless Docker's socket", ...</param>
/// <param name="Reason">Why it was not used: "it does not exist", "permission denied", ...</param>
internal sealed record PassedOverSocket(string Path, string Origin, string Reason);
