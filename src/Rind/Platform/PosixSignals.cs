using System.Runtime.InteropServices;

namespace Rind.Platform;

internal sealed class PosixSignals : ISignals
{
    private static readonly PosixSignal[] Intercepted = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT];

    public IDisposable Intercept(Action<PosixSignal> received)
    {
        var registrations = Intercepted
            .Select(signal => SignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                received(context.Signal);
            }))
            .ToArray();
        return new Registrations(registrations);
    }

    private sealed class Registrations(PosixSignalRegistration[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
