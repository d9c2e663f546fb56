using Rind.Kubernetes.Api;
using Rind.Transport.Dialing;
using Rind.Transport.Http;

namespace Rind.Tests.Kubernetes;

public sealed class ClusterWordsTests
{
    private static readonly ClusterWords Words = new(new Uri("https://api.cluster.test:6443/k8s/clusters/c-1"));

    [Fact]
    public void A_cluster_that_closes_the_connection_without_answering_is_named_as_the_cluster_not_as_an_engine()
    {
        var failure = Fail(new ResponseCutShortException("the server closed the connection without answering") { Unanswered = true });

        Assert.Equal(
            "the cluster at https://api.cluster.test:6443 broke off the list of pods in namespace shop: the cluster closed the connection without answering",
            failure.Message);
    }

    [Fact]
    public void A_cluster_that_cannot_be_reached_is_named_with_the_call_before_the_dialers_words()
    {
        var failure = Fail(new TransportException("Connection refused"));

        Assert.Equal("cannot reach the cluster at https://api.cluster.test:6443 for the list of pods in namespace shop: Connection refused", failure.Message);
    }

    [Fact]
    public void A_response_that_is_not_http_broke_off_the_call()
    {
        var failure = Fail(new InvalidDataException("not HTTP"));

        Assert.Equal("the cluster at https://api.cluster.test:6443 broke off the list of pods in namespace shop: not HTTP", failure.Message);
    }

    [Fact]
    public void A_body_that_is_not_json_is_the_call_in_a_form_rind_cannot_read()
    {
        var failure = Assert.Throws<RindException>(() => CallFailure.ReadJson(Words, "the list of pods in namespace shop", "<html>"u8, Rind.Serialization.RindJsonContext.Default.PodList));

        Assert.StartsWith("the cluster at https://api.cluster.test:6443 gave the list of pods in namespace shop in a form rind cannot read (", failure.Message, StringComparison.Ordinal);
    }

    private static RindException Fail(Exception exception) =>
        Assert.Throws<RindException>(() => CallFailure.Guard<int>(Words, "the list of pods in namespace shop", () => throw exception));
}
