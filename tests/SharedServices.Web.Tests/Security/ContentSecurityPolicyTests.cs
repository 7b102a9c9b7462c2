using SharedServices.Web.Security;

namespace SharedServices.Web.Tests.Security;

public sealed class ContentSecurityPolicyTests
{
    [Fact]
    public void Policy_Normally_OnlyTheAppItselfMayBeConnectedTo() =>
        Assert.Contains("connect-src 'self';", SecurityHeaders.ContentSecurityPolicy("ABC"));

    [Fact]
    public void Policy_UnderDotnetWatch_ItsRefreshSocketsMayBeConnectedToo() =>
        Assert.Contains("connect-src 'self' ws://localhost:42043 wss://localhost:42044;",
            SecurityHeaders.ContentSecurityPolicy("ABC", "ws://localhost:42043,wss://localhost:42044"));

    [Fact]
    public void Policy_Scripts_OnlyTheAppsFilesAndTheNoncedImportMap() =>
        Assert.Contains("script-src 'self' 'nonce-ABC';", SecurityHeaders.ContentSecurityPolicy("ABC"));
}
