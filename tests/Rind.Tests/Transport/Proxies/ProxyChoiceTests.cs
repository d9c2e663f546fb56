using Rind.Transport.Proxies;

namespace Rind.Tests.Transport.Proxies;

/// <summary>Which proxy carries the connections to the API server, as kubectl chooses it.</summary>
public sealed class ProxyChoiceTests
{
    private static readonly Uri Server = new("https://api.prod.example.com:6443");

    [Fact]
    public void The_clusters_proxy_url_wins_over_the_environment()
    {
        var proxy = ProxyChoice.For(Server, new Uri("http://corp-proxy:3128"), Environment(("HTTPS_PROXY", "http://other:8080")));

        Assert.Equal(new Uri("http://corp-proxy:3128"), proxy);
    }

    [Fact]
    public void Without_proxy_url_https_proxy_applies_to_an_https_server()
    {
        var proxy = ProxyChoice.For(Server, null, Environment(("HTTPS_PROXY", "http://proxy:3128"), ("HTTP_PROXY", "http://wrong:1")));

        Assert.Equal(new Uri("http://proxy:3128"), proxy);
    }

    [Fact]
    public void Http_proxy_applies_to_an_http_server()
    {
        var proxy = ProxyChoice.For(new Uri("http://api:8080"), null, Environment(("HTTPS_PROXY", "http://wrong:1"), ("http_proxy", "http://proxy:3128")));

        Assert.Equal(new Uri("http://proxy:3128"), proxy);
    }

    [Fact]
    public void The_lower_case_variable_is_read_when_the_upper_case_one_is_not_set()
    {
        var proxy = ProxyChoice.For(Server, null, Environment(("https_proxy", "proxy:3128")));

        Assert.Equal(new Uri("http://proxy:3128"), proxy);
    }

    [Fact]
    public void No_proxy_is_used_without_any_setting()
    {
        Assert.Null(ProxyChoice.For(Server, null, Environment()));
    }

    [Theory]
    [InlineData("https://localhost:6443")]
    [InlineData("https://127.0.0.1:6443")]
    [InlineData("https://[::1]:6443")]
    public void A_local_server_is_never_reached_through_the_environments_proxy(string server)
    {
        Assert.Null(ProxyChoice.For(new Uri(server), null, Environment(("HTTPS_PROXY", "http://proxy:3128"))));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("example.com")]
    [InlineData(".example.com")]
    [InlineData("*.example.com")]
    [InlineData("other.org, api.prod.example.com")]
    [InlineData("api.prod.example.com:6443")]
    [InlineData("API.PROD.EXAMPLE.COM")]
    public void No_proxy_names_the_server_by_domain_or_host(string noProxy)
    {
        Assert.Null(ProxyChoice.For(Server, null, Environment(("HTTPS_PROXY", "http://proxy:3128"), ("NO_PROXY", noProxy))));
    }

    [Theory]
    [InlineData("prod.example.co")]
    [InlineData("xample.com")]
    [InlineData("api.prod.example.com:443")]
    [InlineData("10.0.0.0/8")]
    public void No_proxy_entries_that_do_not_name_the_server_leave_the_proxy(string noProxy)
    {
        Assert.NotNull(ProxyChoice.For(Server, null, Environment(("HTTPS_PROXY", "http://proxy:3128"), ("NO_PROXY", noProxy))));
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("10.1.2.3")]
    public void No_proxy_names_an_address_by_itself_or_by_its_range(string noProxy)
    {
        var server = new Uri("https://10.1.2.3:6443");

        Assert.Null(ProxyChoice.For(server, null, Environment(("HTTPS_PROXY", "http://proxy:3128"), ("no_proxy", noProxy))));
    }

    [Fact]
    public void A_socks5_proxy_is_refused_in_one_line()
    {
        var failure = Assert.Throws<RindException>(() => ProxyChoice.For(Server, new Uri("socks5://user:secret@proxy:1080"), Environment()));

        Assert.Equal("the cluster's proxy-url names a socks5 proxy (proxy:1080); rind goes through http:// and https:// proxies only", failure.Message);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.Where(variable => variable.Name == name).Select(variable => variable.Value).FirstOrDefault();
}
