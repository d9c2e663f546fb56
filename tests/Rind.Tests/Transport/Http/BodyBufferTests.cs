using Rind.Transport.Http;

namespace Rind.Tests.Transport.Http;

public sealed class BodyBufferTests
{
    [Fact]
    public void An_empty_body_is_empty()
    {
        Assert.Empty(new BodyBuffer().ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16 * 1024)]
    [InlineData(16 * 1024 + 1)]
    [InlineData(3 * 1024 * 1024 + 17)]
    public void Bytes_come_back_whole_and_in_order_however_they_were_appended(int length)
    {
        var bytes = Enumerable.Range(0, length).Select(index => (byte)(index * 7)).ToArray();
        var buffer = new BodyBuffer();

        for (var offset = 0; offset < length; offset += 5000)
        {
            buffer.Append(bytes.AsSpan(offset, Math.Min(5000, length - offset)));
        }

        Assert.Equal(length, buffer.Length);
        Assert.Equal(bytes, buffer.ToArray());
    }
}
