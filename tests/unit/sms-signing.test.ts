/**
 * The SMS providers' request signing against the worked examples of their own documents:
 * - Alibaba Cloud SMS, 签名机制 (dysmsapi SendSms, AccessKey testId / testSecret): signature zJDF+Lrzhj/ThnlvIToysFRq6t4=;
 *   and the RPC signature document's KMS CreateKey example (testid / testsecret), whose signed URL carries
 *   41wk2SSX1GJh7fwnc5eqOfiJPFg= (the text above that URL names another value, which matches neither).
 * - Tencent Cloud, 签名方法 v3 (cvm DescribeInstances, timestamp 1551113065, SecretKey Gu5t9xGARNpq86cd98joQYCN3EXAMPLE):
 *   hashed payload 35e9c5b0…, hashed canonical request 5ffe6a04…, signature 72e494ea….
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aliyunCanonicalQuery, aliyunSignature, aliyunStringToSign, percentEncode, tc3Authorization } from '../../electron/core/messaging/sms-signing';

describe('Alibaba Cloud RPC signature (HMAC-SHA1, version 1.0)', () => {
  const sendSms = {
    AccessKeyId: 'testId', Action: 'SendSms', Format: 'XML', OutId: '123', PhoneNumbers: '15300000001', RegionId: 'cn-hangzhou',
    SignName: '阿里云短信测试专用', SignatureMethod: 'HMAC-SHA1', SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466', SignatureVersion: '1.0',
    TemplateCode: 'SMS_71390007', TemplateParam: '{"customer":"test"}', Timestamp: '2017-07-12T02:42:19Z', Version: '2017-05-25',
  };

  it('the SMS document example: sorted query, string to sign and signature', () => {
    expect(aliyunCanonicalQuery(sendSms)).toBe(
      'AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001&RegionId=cn-hangzhou&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8&SignatureMethod=HMAC-SHA1&SignatureNonce=45e25e9b-0a6f-4070-8c85-2956eda1b466&SignatureVersion=1.0&TemplateCode=SMS_71390007&TemplateParam=%7B%22customer%22%3A%22test%22%7D&Timestamp=2017-07-12T02%3A42%3A19Z&Version=2017-05-25',
    );
    expect(aliyunStringToSign('GET', sendSms).startsWith('GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123')).toBe(true);
    expect(aliyunSignature('testSecret', 'GET', sendSms)).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('the RPC signature document example (CreateKey): the signature its signed URL carries', () => {
    const params = { Action: 'CreateKey', SignatureVersion: '1.0', Format: 'json', Version: '2016-01-20', AccessKeyId: 'testid', SignatureMethod: 'HMAC-SHA1', Timestamp: '2016-03-28T03:13:08Z' };
    expect(aliyunStringToSign('GET', params)).toBe('GET&%2F&AccessKeyId%3Dtestid%26Action%3DCreateKey%26Format%3Djson%26SignatureMethod%3DHMAC-SHA1%26SignatureVersion%3D1.0%26Timestamp%3D2016-03-28T03%253A13%253A08Z%26Version%3D2016-01-20');
    expect(aliyunSignature('testsecret', 'GET', params)).toBe('41wk2SSX1GJh7fwnc5eqOfiJPFg=');
  });

  it.each([
    [' ', '%20'], ['*', '%2A'], ['~', '~'], ["!'()", '%21%27%28%29'], ['a+b', 'a%2Bb'],
  ])('percent-encodes %j as %s', (raw, encoded) => expect(percentEncode(raw)).toBe(encoded));
});

describe('Tencent Cloud signature v3 (TC3-HMAC-SHA256)', () => {
  it('the document example (cvm DescribeInstances)', () => {
    const payload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
    expect(crypto.createHash('sha256').update(payload).digest('hex')).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    const r = tc3Authorization({
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', service: 'cvm', host: 'cvm.tencentcloudapi.com',
      timestamp: 1551113065, contentType: 'application/json; charset=utf-8', payload,
    });
    expect(r.canonicalRequest).toBe('POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    expect(r.stringToSign).toBe('TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
    expect(r.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(r.authorization).toBe('TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
  });

  it('the credential date is the UTC date of the timestamp, not the desk zone', () => {
    // 2019-02-26 00:44:25 in Shanghai is still the 25th in UTC.
    const r = tc3Authorization({ secretId: 'id', secretKey: 'key', service: 'sms', host: 'sms.tencentcloudapi.com', timestamp: 1551113065, contentType: 'application/json', payload: '{}' });
    expect(r.authorization).toContain('/2019-02-25/sms/tc3_request');
  });
});
