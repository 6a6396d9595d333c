// The SDK's notice that releases after January 2027 drop Node 20 is noise in test output; the SDK
// version is pinned by the lockfile.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
