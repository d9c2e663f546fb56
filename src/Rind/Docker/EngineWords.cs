using Rind.Transport.Dialing;
using Rind.Transport.Http;

namespace Rind.Docker;

/// <summary>
/// How a call to the engine that failed on its way is told: the engine named by its address, the request by
/// its method and path. The engine's dialers say themselves what stands in the way (DOCKER_HOST, the socket's
/// permissions, DOCKER_CERT_PATH), so their words are passed on as they are.
/// </summary>
/// <param name="dialer">The engine's dialer, for what may explain a connection the engine drops without a word.</param>
internal sealed class EngineWords(EngineEndpoint endpoint, IDialer dialer) : ServerWords($"the engine at {endpoint.Address}", "the engine")
{
    public override string Response(string call) => $"an answer to {call}";

    public override string Unreachable(string call, TransportException failure) => failure.Message;

    public override string BrokeOff(string call, string why, bool cutShort) =>
        $"{Name} broke off the request{(cutShort ? $" ({why})" : "")}{(dialer.FailureHint is { } hint ? $": {hint}" : "")}";

    public override string Garbled(string call, string why) => Unreadable(call, why);

    public override string Unreadable(string call, string why) => $"{Name} gave an answer rind cannot read ({why})";
}
