using System.Text;
using Rind.Platform;

namespace Rind.Tests.Fakes;

/// <summary>
/// rind's standard streams in memory: a given stdin, and stdout and stderr captured.
/// </summary>
internal sealed class FakeStandardStreams : IStandardStreams
{
    private readonly MemoryStream _output = new();
    private readonly MemoryStream _error = new();

    public FakeStandardStreams(byte[]? input = null, Stream? output = null)
    {
        Input = new MemoryStream(input ?? []);
        Output = output ?? _output;
        ErrorWriter = new StreamWriter(_error, new UTF8Encoding(false)) { AutoFlush = true };
    }

    public Stream Input { get; }

    public Stream Output { get; }

    public Stream Error => _error;

    public TextWriter ErrorWriter { get; }

    public bool HasNoInput { get; init; }

    public byte[] OutputBytes => _output.ToArray();

    public string OutputText => Encoding.UTF8.GetString(_output.ToArray());

    public string ErrorText => Encoding.UTF8.GetString(_error.ToArray());
}
