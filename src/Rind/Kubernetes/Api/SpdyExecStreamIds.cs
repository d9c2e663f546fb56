namespace Rind.Kubernetes.Api;

/// <summary>The SPDY streams of one exec, as rind opened them; 0 for one not opened.</summary>
internal readonly record struct SpdyExecStreamIds(int Error, int Stdin, int Stdout, int Stderr, int Resize)
{
    /// <summary>How many streams were opened, each of which the server accepts with a reply.</summary>
    public int Count => (Error != 0 ? 1 : 0) + (Stdin != 0 ? 1 : 0) + (Stdout != 0 ? 1 : 0) + (Stderr != 0 ? 1 : 0) + (Resize != 0 ? 1 : 0);
}
