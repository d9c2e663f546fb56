using System.Runtime.InteropServices;
using Rind.Platform;

namespace Rind.Tests.Fakes;

/// <summary>Signals a test sends by hand.</summary>
internal sealed class FakeSignals : ISignals
{
    private Action<PosixSignal>? _received;

    public bool Intercepting => _received is not null;

    public IDisposable Intercept(Action<PosixSignal> received)
    {
        _received = received;
        return new Release(this);
    }

    public void Send(PosixSignal signal) => (_received ?? throw new InvalidOperationException("nothing intercepts signals"))(signal);

    private sealed class Release(FakeSignals owner) : IDisposable
    {
        public void Dispose() => owner._received = null;
    }
}
