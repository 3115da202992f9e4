/**
 * What goes wrong with the demo's models and how the engineers fix it: the fault as the customer tells it, the
 * diagnosis, the plan, what the service record says and the catalogue parts it uses. The history's tickets are
 * drawn from here; the seed 001 faults (KFR-35 制冷效果差, P50 屏幕偶尔失灵) come first.
 */
import type { ProblemType } from '../../../../shared/domain/ticket';
import type { UsedPart } from './ticket';

export interface Fault {
  model: string;
  fault: string;
  type: ProblemType;
  diagnosis: string;
  plan: string;
  steps: string;
  parts: UsedPart[];
}

const f = (model: string, fault: string, diagnosis: string, plan: string, steps: string, parts: UsedPart[] = [], type: ProblemType = 'hardware'): Fault => ({
  model, fault, type, diagnosis, plan, steps, parts,
});

export const FAULTS: Fault[] = [
  f('KFR-35', '制冷效果差，出风温度高于设定温度5℃', '冷媒不足，低压侧 0.3 MPa', '检漏补焊，加注 R32', '焊点补漏，加注 R32 1 kg，试机 30 分钟出风温差 9℃。', [{ partNo: 'R32-1KG', quantity: 1 }]),
  f('P50', '屏幕偶尔失灵，触碰无反应', '屏幕排线接触不良', '拆机重新插接屏幕排线，升级系统', '重新插接屏幕排线并升级系统，触摸测试正常。'),
  f('KFR-35', '室外机漏水，显示故障代码 E4', '排水管倒坡积水', '疏通并重新固定排水管', '疏通排水管，调整走向，试机无漏水，E4 消失。'),
  f('KFR-35', '启动困难，压缩机嗡嗡响后停机', '启动电容容量衰减', '更换启动电容', '更换启动电容 CBB65 35μF，压缩机启动正常。', [{ partNo: 'CAP-35UF', quantity: 1, recovered: true }]),
  f('KFR-35', '出风有异味，滤网积灰', '滤网与蒸发器积尘发霉', '清洗蒸发器，更换过滤网', '清洗蒸发器并消毒，更换过滤网，异味消除。', [{ partNo: 'FLT-KFR', quantity: 1 }], 'maintenance'),
  f('BCD-450', '冷藏室不制冷，压缩机频繁启动', '冷藏温度传感器阻值漂移', '更换冷藏温度传感器', '更换冷藏温度传感器，运行 2 小时冷藏室 4℃。', [{ partNo: 'SNS-BCD450', quantity: 1 }]),
  f('BCD-450', '冷冻室结霜严重，门关不严', '门封条变形漏气', '调整门体并校正门封条', '校正门封条，调整门铰链，门封严密。'),
  f('XQG-100', '脱水时噪音很大，机身晃动', '减震器阻尼失效', '成对更换减震器，校平机身', '更换减震器一对并校平机身，脱水平稳。', [{ partNo: 'DMP-XQG100', quantity: 1 }]),
  f('XQG-100', '不进水，显示故障代码 E10', '进水阀滤网堵塞', '清洗进水阀滤网', '清洗进水阀滤网，进水正常。'),
  f('P50', '系统升级后频繁自动重启', '系统缓存异常', '远程指导备份后恢复出厂设置并升级', '远程指导客户备份数据、恢复出厂设置并升级到最新版本，运行正常。', [], 'software'),
  f('T20', '无法充电，充电指示灯不亮', '电池老化无法激活', '更换电池', '更换电池，充电测试正常，续航恢复。', [{ partNo: 'BAT-T20', quantity: 1 }]),
  f('T20', '无线网络连接不上，提示密码错误', '网络设置异常', '远程指导重置网络设置', '远程指导客户重置网络设置后连接正常。', [], 'usage'),
  f('W8', '心率监测数据异常，运动时忽高忽低', '固件版本过旧', '远程指导升级固件并重新校准', '远程指导升级固件并校准心率传感器，数据正常。', [], 'software'),
  f('BCD-450', '噪音大，夜间嗡嗡声明显', '压缩机减震垫老化', '更换压缩机减震垫并调平', '调整压缩机减震垫，调平箱体，噪音明显降低。'),
];

/** The faults of one model (the stories pick from these). */
export const faultsOf = (model: string): Fault[] => FAULTS.filter((x) => x.model === model);
