using System.Text;

namespace Rind.Platform;

/// <summary>
/// The process's file descriptors 0, 1 and 2, without System.Console's buffering or terminal handling,
/// so that bytes pass through exactly and as soon as they arrive.
/// </summary>
internal sealed class ProcessStandardStreams : IStandardStreams
{
    private ProcessStandardStreams(Stream input, Stream output, Stream error)
    {
        Input = input;
        Output = output;
        Error = error;
        ErrorWriter = new StreamWriter(error, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 256)
        {
            AutoFlush = true,
        };
    }

    public Stream Input { get; }

    public Stream Output { get; }

    public Stream Error { get; }

    public TextWriter ErrorWriter { get; }

    public bool HasNoInput => NullDeviceInput.IsStdinNullDevice();

    public static ProcessStandardStreams Open() =>
        new(
            FileDescriptorStream.OpenOrNull(0, FileAccess.Read),
            FileDescriptorStream.OpenOrNull(1, FileAccess.Write),
            FileDescriptorStream.OpenOrNull(2, FileAccess.Write));
}
