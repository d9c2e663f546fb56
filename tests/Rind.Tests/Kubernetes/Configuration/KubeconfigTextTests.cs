using System.Text;
using Rind.Kubernetes.Configuration;

namespace Rind.Tests.Kubernetes.Configuration;

public sealed class KubeconfigTextTests
{
    private const string File = "/home/dev/.kube/config";
    private const string Text = "current-context: dév\n";

    [Fact]
    public void Utf8_is_read_with_or_without_a_byte_order_mark()
    {
        Assert.Equal(Text, KubeconfigText.Decode(Encoding.UTF8.GetBytes(Text), File));
        Assert.Equal(Text, KubeconfigText.Decode([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Text)], File));
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_read_as_kubectl_reads_it()
    {
        Assert.Equal(Text, KubeconfigText.Decode([.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Text)], File));
        Assert.Equal(Text, KubeconfigText.Decode([.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(Text)], File));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_with_their_line()
    {
        var message = Assert.Throws<RindException>(() => KubeconfigText.Decode([.. "a: 1\nb: "u8, 0xFF, .. "\n"u8], File)).Message;

        Assert.Equal($"cannot read the kubeconfig {File}: it is not UTF-8 text at line 2", message);
    }

    [Fact]
    public void Utf16_that_ends_in_half_a_character_is_refused()
    {
        var message = Assert.Throws<RindException>(() => KubeconfigText.Decode([0xFF, 0xFE, (byte)'a', 0, (byte)'\n', 0, (byte)'b'], File)).Message;

        Assert.Equal($"cannot read the kubeconfig {File}: it is not UTF-16 text at line 2", message);
    }
}
