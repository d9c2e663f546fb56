using Rind.Platform;

namespace Rind.Tests.Platform;

public sealed class FileTypeDescriptionTests
{
    [Fact]
    public void A_regular_file_needs_no_reason()
    {
        Assert.Null(FileTypeDescription.WhyNotRegular(0x8000));
    }

    [Theory]
    [InlineData(0x4000, "it is a folder")]
    [InlineData(0x1000, "it is a named pipe (FIFO), which would wait for a writer")]
    [InlineData(0x2000, "it is a character device")]
    [InlineData(0x6000, "it is a block device")]
    [InlineData(0xC000, "it is a socket")]
    [InlineData(0xE000, "it is not a regular file")]
    public void Every_other_type_is_named(int type, string expected)
    {
        Assert.Equal(expected, FileTypeDescription.WhyNotRegular(type));
    }

    [Fact]
    public void A_socket_needs_no_reason_to_be_one()
    {
        Assert.Null(FileTypeDescription.WhyNotSocket(0xC000));
    }

    [Theory]
    [InlineData(0x8000, "it is a regular file, not a socket")]
    [InlineData(0x4000, "it is a folder, not a socket")]
    [InlineData(0x1000, "it is a named pipe (FIFO), not a socket")]
    [InlineData(0xE000, "it is not a socket")]
    public void Every_other_type_is_named_as_not_a_socket(int type, string expected)
    {
        Assert.Equal(expected, FileTypeDescription.WhyNotSocket(type));
    }
}
