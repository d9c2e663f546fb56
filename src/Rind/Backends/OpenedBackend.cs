namespace Rind.Backends;

/// <summary>A backend to run in, and the finder of its candidates, as the registry chose them for one run.</summary>
internal sealed record OpenedBackend(IBackend Backend, ICandidateFinder Finder) : IDisposable
{
    public void Dispose() => Backend.Dispose();
}
