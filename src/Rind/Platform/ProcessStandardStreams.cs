using System.Text;
using Microsoft.Win32.SafeHandles;

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

    public static ProcessStandardStreams Open() =>
        new(Open(0, FileAccess.Read), Open(1, FileAccess.Write), Open(2, FileAccess.Write));

    private static Stream Open(int fd, FileAccess access)
    {
        try
        {
            return new FileStream(new SafeFileHandle(fd, ownsHandle: false), access, bufferSize: 0);
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // A closed descriptor (as after `<&-`) reads as empty and swallows writes, as a shell's would.
            return Stream.Null;
        }
    }
}
