using Microsoft.Extensions.Logging.Abstractions;
using Rind.Backends;
using Rind.Docker;

namespace Rind.Tests.Backends.Contract;

/// <summary>The contract on the Docker backend, over a mocked engine that speaks API 1.43.</summary>
public sealed class DockerBackendContract : BackendContract
{
    private readonly FakeEngineCommand _command = new("c0ffee");

    internal override BackendTraits ExpectedTraits { get; } =
        new(Server: "the engine", SizesTerminalAtStart: true, ReportsStartFailures: true, Notices: EngineNotices.Instance);

    internal override Candidate Target { get; } = new("c0ffee", "web", new RunSettings("label"));

    internal override IFakeCommand Command => _command;

    internal override IBackend CreateBackend() => new DockerBackend(() => _command.Engine.Object, () => null, NullLogger.Instance);
}
