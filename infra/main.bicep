// Azure resources for the Dekom-rapport Teams bot (one resource group):
//   user-assigned managed identity (the bot's Microsoft App ID and the app's Cosmos DB identity),
//   App Service plan + Linux Web App (Node 22 LTS), Azure Bot (UserAssignedMSI) with the Teams channel,
//   Cosmos DB for NoSQL (serverless, Entra ID only) with the database and containers,
//   Log Analytics + Application Insights.
//
// Deploy: see infra/README.md. test/infra/infra-consistency.test.ts checks this file against the code:
// the app settings cover every variable src/config.ts requires in production, and `containers` below
// equals CONTAINERS in src/storage/cosmos.ts.

targetScope = 'resourceGroup'

@description('Prefix for resource names: lowercase letters and digits, 3-12 characters.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'dekomrapport'

@description('Azure region for all regional resources.')
param location string = resourceGroup().location

@description('Entra tenant ids allowed to use the bot, comma-separated. Default: this tenant.')
param allowedTenantIds string = tenant().tenantId

@description('Entra object ids of county staff, comma-separated.')
param staffAadIds string = ''

@description('Shared secret for POST /api/jobs/* (at least 16 characters). Keep it; pass the same value on every deployment.')
@secure()
@minLength(16)
param jobsSecret string

@description('Cosmos DB database name.')
param cosmosDatabaseName string = 'dekom-rapport'

@description('App Service plan SKU. B1 or larger: always on is not available on F1/D1.')
param appServiceSku string = 'B1'

@description('Azure Bot SKU: F0 (free, standard channels such as Teams are unlimited) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Log level of the app (pino).')
@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace'])
param logLevel string = 'info'

var suffix = uniqueString(resourceGroup().id)
var identityName = '${namePrefix}-id-${suffix}'
var webAppName = '${namePrefix}-${suffix}'
var planName = '${namePrefix}-plan-${suffix}'
var botName = '${namePrefix}-bot-${suffix}'
var cosmosAccountName = '${namePrefix}-cosmos-${suffix}'
var logAnalyticsName = '${namePrefix}-logs-${suffix}'
var appInsightsName = '${namePrefix}-ai-${suffix}'

// Keep in step with CONTAINERS in src/storage/cosmos.ts (a test compares them).
var containers = [
  { name: 'reports', partitionKeyPath: '/roundId' }
  { name: 'rounds', partitionKeyPath: '/id' }
  { name: 'people', partitionKeyPath: '/id' }
  { name: 'ledger', partitionKeyPath: '/roundId' }
]

// Built-in "Cosmos DB Built-in Data Contributor" (data plane: read and write items, no account management).
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

// The bot's identity: Microsoft App ID for Bot Framework (UserAssignedMSI) and the Entra ID principal
// DefaultAzureCredential uses for Cosmos DB (AZURE_CLIENT_ID).
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: cosmosAccountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: [{ name: 'EnableServerless' }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    // Entra ID only: no account keys. The app authenticates with the managed identity.
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: { id: cosmosDatabaseName }
  }
}

// Serverless: no throughput settings on the database or the containers.
resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for c in containers: {
    parent: database
    name: c.name
    properties: {
      resource: {
        id: c.name
        partitionKey: {
          paths: [c.partitionKeyPath]
          kind: 'Hash'
          version: 2
        }
      }
    }
  }
]

resource cosmosDataRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: {
    reserved: true // Linux
  }
}

resource web 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/bot/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'LOG_LEVEL', value: logLevel }
        // The zip already holds dist/ and the production node_modules: no build on the server.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'MICROSOFT_APP_ID', value: identity.properties.clientId }
        { name: 'MICROSOFT_APP_TYPE', value: 'UserAssignedMSI' }
        { name: 'MICROSOFT_APP_TENANT_ID', value: tenant().tenantId }
        // DefaultAzureCredential picks the user-assigned identity by this client id.
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'COSMOS_DATABASE', value: cosmosDatabaseName }
        { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'STAFF_AAD_IDS', value: staffAadIds }
        { name: 'JOBS_SECRET', value: jobsSecret }
        // The site cannot read its own defaultHostName here; App Service's default host is predictable.
        { name: 'PUBLIC_BASE_URL', value: 'https://${webAppName}.azurewebsites.net' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
      ]
    }
  }
  dependsOn: [cosmosContainers, cosmosDataRole]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'Dekom-rapport'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

@description('The bot\'s Microsoft App ID (client id of the managed identity): BOT_ID for npm run package.')
output botId string = identity.properties.clientId
@description('Host name of the web app: BOT_DOMAIN for npm run package.')
output botDomain string = web.properties.defaultHostName
@description('Name of the web app, for az webapp deploy.')
output webAppName string = web.name
output botEndpoint string = bot.properties.endpoint
output cosmosEndpoint string = cosmos.properties.documentEndpoint
