using System.Buffers.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Payouts.DevHost.Http;

namespace Payouts.DevHost.Tests;

public sealed class FunctionKeysTests
{
    [Theory]
    [InlineData(AuthorizationLevel.Anonymous, null, true)]
    [InlineData(AuthorizationLevel.Function, "fk", true)]
    [InlineData(AuthorizationLevel.Function, "mk", true)]
    [InlineData(AuthorizationLevel.Function, "nope", false)]
    [InlineData(AuthorizationLevel.Function, null, false)]
    [InlineData(AuthorizationLevel.Admin, "fk", false)]
    [InlineData(AuthorizationLevel.Admin, "mk", true)]
    public void FunctionKeys_HonourTheAuthorizationLevel(AuthorizationLevel level, string? key, bool authorized)
    {
        var keys = Configured(new() { [FunctionKeys.FunctionKeySetting] = "fk", [FunctionKeys.MasterKeySetting] = "mk" });
        var http = new DefaultHttpContext();
        if (key is not null)
        {
            http.Request.Headers[FunctionKeys.HeaderName] = key;
        }

        Assert.Equal(authorized, keys.Authorizes(level, http.Request));
    }

    [Fact]
    public void FunctionKeys_NotConfigured_Are32RandomBytesPerRun()
    {
        var run = Configured([]);
        var nextRun = Configured([]);

        Assert.True(run.FunctionKeyIsRandom && run.MasterKeyIsRandom);
        Assert.Equal(4, new HashSet<string> { run.FunctionKey, run.MasterKey, nextRun.FunctionKey, nextRun.MasterKey }.Count);
        Assert.All([run.FunctionKey, run.MasterKey], key => Assert.Equal(32, Base64Url.DecodeFromChars(key).Length));
    }

    [Fact]
    public void FunctionKeys_Configured_AreUsedAsGiven()
    {
        var keys = Configured(new() { [FunctionKeys.MasterKeySetting] = "chosen-master" });

        Assert.Equal("chosen-master", keys.MasterKey);
        Assert.False(keys.MasterKeyIsRandom);
        Assert.True(keys.FunctionKeyIsRandom);
    }

    private static FunctionKeys Configured(Dictionary<string, string?> settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
}
