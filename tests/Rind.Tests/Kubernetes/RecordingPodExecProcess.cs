using Rind.Backends;
using Rind.Kubernetes.Api;
using Rind.Platform;

namespace Rind.Tests.Kubernetes;

/// <summary>A pod exec that records what rind sends it; Moq cannot take the spans its input comes in.</summary>
internal sealed class RecordingPodExecProcess(bool canCloseInput) : IPodExecProcess
{
    private readonly MemoryStream _input = new();

    public bool CanCloseInput { get; } = canCloseInput;

    public IChunkReader Output => throw new NotSupportedException("these tests read no output");

    public byte[] Input => _input.ToArray();

    public bool Disposed { get; private set; }

    public void WriteInput(ReadOnlySpan<byte> bytes) => _input.Write(bytes);

    public void CloseInput()
    {
    }

    public void Resize(TerminalSize size)
    {
    }

    public ExecState? Probe() => null;

    public ExecState WaitForEnd(TimeSpan patience) => throw new NotSupportedException("these tests wait for no end");

    public void Dispose() => Disposed = true;
}
